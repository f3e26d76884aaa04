import { render } from 'preact';
import { getUserSettings, watchUserSettings } from '../../settings.ts';
import { getI18n, setLanguage } from '../i18n.ts';
import { SidePanel, pinnedTab } from './SidePanel.tsx';

const apply = (lang: Parameters<typeof setLanguage>[0]) => {
  setLanguage(lang);
  document.documentElement.lang = getI18n().lang;
  document.title = getI18n().t('panelTitle');
};
void getUserSettings().then((s) => apply(s.language), () => apply('auto'));
watchUserSettings((s) => apply(s.language));

render(<SidePanel pinned={pinnedTab(location.search)} />, document.getElementById('app')!);
