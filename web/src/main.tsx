// Entry: antd in Chinese (zh_CN locale, the red-orange accent sellers know), then the app shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider, App as AntApp, message } from 'antd';
import * as zhCNModule from 'antd/es/locale/zh_CN.js';
import * as enUSModule from 'antd/es/locale/en_US.js';
import type { Locale as AntLocale } from 'antd/es/locale/index.js';
import { App } from './app.js';
import { getLocale } from './i18n.js';

// antd ships its locales as ESM without a package `type`; TypeScript (NodeNext) sees them as
// CommonJS, Vite as ESM. Unwrap whichever shape arrives.
function unwrap(mod: unknown): AntLocale {
  const m = mod as { default?: unknown };
  const inner = m.default as { default?: unknown; locale?: string } | undefined;
  if (inner && typeof inner.locale === 'string') return inner as AntLocale;
  if (inner?.default) return inner.default as AntLocale;
  return mod as AntLocale;
}
const zhCN = unwrap(zhCNModule);
const enUS = unwrap(enUSModule);

// Toasts below the 52 px header, never over its controls: a toast over the 新买家提醒 switch took
// the next click, and the pointer resting on it kept it open (it pauses while hovered).
message.config({ top: 60 });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider
        locale={getLocale() === 'en' ? enUS : zhCN}
        theme={{ token: { colorPrimary: '#ff5000', borderRadius: 4, fontSize: 13 } }}
      >
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
