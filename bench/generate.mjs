// Generates a deck of N slides in the minimal shape (title, points, notes, some inline Markdown).
export function generateDeck(n) {
  const lines = ['title: Benchmark deck', 'lang: en', 'slides:'];
  for (let i = 1; i <= n; i++) {
    lines.push(
      `  - title: Slide ${i} about *topic* ${i % 17}`,
      '    points:',
      `      - First point with **bold** text number ${i}`,
      '      - Second point, plain text only',
      `      - Third point with \`code\` and a [link](https://example.org/${i})`,
      '    notes: |',
      `      Speaker notes for slide ${i}. Say something about the topic and move on.`,
      '      A second sentence with *emphasis* to render.',
    );
  }
  return lines.join('\n') + '\n';
}
