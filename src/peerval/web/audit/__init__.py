"""One audit table: who signed in, exported, deleted or changed what, and when."""
