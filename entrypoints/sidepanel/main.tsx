import { render } from 'preact';

function App() {
  return <h1>ChipLens</h1>;
}

render(<App />, document.getElementById('app')!);
