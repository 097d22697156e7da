// What a screen shows while the API route behind it is not deployed yet (404) or fails.
import { Alert, Empty } from 'antd';
import { t } from '../i18n.js';

export function MissingRoute({ path }: { path: string }) {
  return <Empty description={t('common.notAvailable', { path })} data-testid="missing-route" />;
}

export function LoadError({ error }: { error: Error }) {
  return <Alert type="error" showIcon message={t('common.error', { msg: error.message })} />;
}
