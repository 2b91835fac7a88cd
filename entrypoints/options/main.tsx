import { render } from 'preact';
import '../../components/ui/theme.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/options-app';

render(<OptionsApp />, document.getElementById('app')!);
