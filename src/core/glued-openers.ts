/**
 * Words that open a sentence and never end a brand or a name written in camel case. Text
 * scraped from web pages loses line breaks, so one of them glued to the word before it
 * ("SyriaThe desert", "Sean RoeBy June", "reviewA senior official") marks where a headline,
 * subheading or sentence ended. The clean, entities and quotes stages each cut there.
 */
export const GLUED_OPENERS: readonly string[] = [
  'The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'With', 'As', 'After', 'Before', 'During', 'When', 'While', 'Once', 'Since',
  'This', 'These', 'Those', 'That', 'There', 'It', 'He', 'She', 'They', 'We', 'His', 'Her', 'Their', 'Its', 'Our',
  'But', 'And', 'Although', 'Despite', 'According', 'Meanwhile', 'Some', 'Many', 'Police', 'Officials',
];

/** GLUED_OPENERS as a regex alternation (they are plain words: nothing to escape) */
export const GLUED_OPENER_ALTERNATION = GLUED_OPENERS.join('|');
