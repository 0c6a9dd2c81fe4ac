"""The telephone hold line: settings, renditions, the looping program, its manifest."""
