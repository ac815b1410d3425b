"""The write paths: every change to the newsroom's records goes through a function here."""
