import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format';
import { showFieldErrors } from '../../forms';
import { addComment, type DispatchItem, dispatchesKey } from './dispatchApi';

/** The leaders' discussion of a request ("I know this person, I'll help") and a form to add to it. */
export function CommentThread(props: {
  dispatchId: string;
  comments: DispatchItem['comments'];
  nameOf(userId: string): string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const client = useQueryClient();
  const [form] = Form.useForm<{ body: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: (body: string) => addComment(props.dispatchId, body),
    onSuccess: async () => {
      form.resetFields();
      await client.invalidateQueries({ queryKey: dispatchesKey });
    },
    onError: (error) => setErrors(showFieldErrors(form, error, ['body'])),
  });
  return (
    <>
      <Typography.Title level={4}>{t('dispatch.comments.title', { count: props.comments.length })}</Typography.Title>
      {props.comments.length ? (
        <List
          size="small"
          dataSource={props.comments}
          renderItem={(c) => (
            <List.Item>
              <div>
                <Typography.Text strong>{props.nameOf(c.userId)}</Typography.Text>{' '}
                <Typography.Text>· {f.dateTime(c.at)}</Typography.Text>
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                  {c.body}
                </Typography.Paragraph>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Paragraph>{t('dispatch.comments.none')}</Typography.Paragraph>
      )}
      {errors.length ? <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 8 }} /> : null}
      <Form
        form={form}
        name={`comment-${props.dispatchId}`}
        layout="vertical"
        onFinish={(v) => {
          setErrors([]);
          add.mutate(v.body);
        }}
      >
        <Form.Item
          label={t('dispatch.comments.label')}
          name="body"
          rules={[{ required: true, whitespace: true, message: t('dispatch.comments.required') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t('dispatch.comments.add')}
        </Button>
      </Form>
    </>
  );
}
