export function App() {
  return <main>Halo Setup</main>;
}
