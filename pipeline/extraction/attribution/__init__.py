"""Who said it: speech cues, speaker names and their resolution (`he`, surnames, roles)."""
