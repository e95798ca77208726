import { Button, Input, message, Space } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NativeSelect } from './NativeSelect';
import type { QueueFilters } from './queue-api';
import { deleteView, loadViews, type SavedView, saveView } from './saved-views';

/** Name the filters in force and pick them again later (kept in this browser per user). */
export function SavedViews({
  userId,
  filters,
  onPick,
}: {
  userId: string;
  filters: QueueFilters;
  onPick: (filters: QueueFilters) => void;
}) {
  const { t } = useTranslation();
  const nameId = useId();
  const [views, setViews] = useState<SavedView[]>(() => loadViews(userId));
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [toast, holder] = message.useMessage();

  const pick = (value: string) => {
    setChosen(value);
    const view = views.find((v) => v.name === value);
    if (view) onPick(view.filters);
  };
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) {
      void toast.warning(t('queue.views.nameRequired'));
      return;
    }
    setViews(saveView(userId, { name: trimmed, filters }));
    setChosen(trimmed);
    setName('');
    void toast.success(t('queue.views.saved', { name: trimmed }));
  };
  const remove = () => {
    setViews(deleteView(userId, chosen));
    setChosen('');
  };

  return (
    <Space wrap size="middle">
      {holder}
      <NativeSelect label={t('queue.views.label')} value={chosen} onChange={pick}>
        <option value="">{t('queue.views.none')}</option>
        {views.map((v) => (
          <option key={v.name} value={v.name}>
            {v.name}
          </option>
        ))}
      </NativeSelect>
      <Button onClick={remove} disabled={!chosen}>
        {t('queue.views.delete')}
      </Button>
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        <label htmlFor={nameId}>{t('queue.views.name')}</label>
        <Input
          id={nameId}
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={save}
          style={{ width: 160 }}
        />
      </span>
      <Button onClick={save}>{t('queue.views.save')}</Button>
    </Space>
  );
}
