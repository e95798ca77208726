import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ScoringRules, seniorityLevels } from './ScoringTypes';

interface Row {
  key: string;
  section: string;
  rule: string;
  points: string;
}

/** The rules in force as a readable list: what fires, and for how many points. */
export function ScoringRulesTable({ rules }: { rules: ScoringRules }) {
  const { t } = useTranslation();
  const s = (key: string) => t(`settingsScoring.sections.${key}`);
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  const rows: Row[] = [
    ...seniorityLevels.map((level) => ({
      key: `seniority.${level}`,
      section: s('seniority'),
      rule: t(`settingsScoring.seniority.${level}`),
      points: signed(rules.fit.seniority[level]),
    })),
    ...rules.fit.employees.bands.map((b) => ({
      key: `employees.${b.min}`,
      section: s('employees'),
      rule: t('settingsScoring.employeesFrom', { min: b.min }),
      points: signed(b.points),
    })),
    {
      key: 'employees.unknown',
      section: s('employees'),
      rule: t('settingsScoring.employeesUnknown'),
      points: signed(rules.fit.employees.unknown),
    },
    ...rules.fit.industries.map((r, i) => ({
      key: `industry.${i}`,
      section: s('industry'),
      rule: `${r.industry} (${r.match.join(', ')})`,
      points: signed(r.points),
    })),
    ...rules.fit.regions.map((r, i) => ({
      key: `region.${i}`,
      section: s('region'),
      rule: r.label ? `${r.label} (${r.region})` : r.region,
      points: signed(r.points),
    })),
    ...Object.entries(rules.engagement.behaviours).map(([type, r]) => ({
      key: `behaviour.${type}`,
      section: s('behaviour'),
      rule: `${r.label ?? type} (${type})${r.cap ? ` · ${t('settingsScoring.cap', { points: r.cap.points, days: r.cap.days })}` : ''}`,
      points: signed(r.points),
    })),
    {
      key: 'decay',
      section: s('decay'),
      rule:
        rules.engagement.halfLifeDays === null
          ? t('settingsScoring.noDecay')
          : t('settingsScoring.halfLife', { days: rules.engagement.halfLifeDays }),
      points: '',
    },
    ...(['A', 'B', 'C'] as const).map((g) => ({
      key: `grade.fit.${g}`,
      section: s('gradeFit'),
      rule: g,
      points: t('settingsScoring.atLeast', { points: rules.grades.fit[g] }),
    })),
    ...(['1', '2', '3'] as const).map((g) => ({
      key: `grade.engagement.${g}`,
      section: s('gradeEngagement'),
      rule: g,
      points: t('settingsScoring.atLeast', { points: rules.grades.engagement[g] }),
    })),
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={false}
      columns={[
        { title: t('settingsScoring.section'), dataIndex: 'section', width: 180 },
        { title: t('settingsScoring.rule'), dataIndex: 'rule' },
        { title: t('settingsScoring.points'), dataIndex: 'points', width: 120, align: 'right' },
      ]}
    />
  );
}
