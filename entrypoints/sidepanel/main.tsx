import { render } from 'preact';
import { CARD_CSS } from '../../components/card/styles';
import { PANEL_CSS } from '../../components/panel';
import { App } from './App';

const style = document.createElement('style');
style.textContent = PANEL_CSS + CARD_CSS;
document.head.appendChild(style);
render(<App />, document.getElementById('app')!);
