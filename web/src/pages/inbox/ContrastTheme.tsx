import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's secondary text (45% black), link blue (#1677ff) and danger red (#ff4d4f) fall below WCAG
 * AA contrast on white; the inbox screens darken them. (The same tokens belong in the app-wide
 * theme of App.tsx; kept here so these screens pass axe on their own.)
 */
export function ContrastTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          colorLink: '#0958d9',
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          colorError: '#cf1322',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
