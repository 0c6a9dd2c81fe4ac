"""Text for the ear: sentences, speech normalization, the lexicon."""
