"""Checks of what the build made and said: a built output folder against the podcast and accessibility rules
(`folder.check_folder`), the numbers of edited scripts (`numbers`), what the voice was heard to say (`listen`).
Kept free of imports, so the build can use one check without loading the others (the audio checks load the
signal-processing modules, about 0.6 s)."""
