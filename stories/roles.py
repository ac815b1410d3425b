"""The desk's roles, as Django groups. Migration 0002 creates them with their permissions."""

ADMIN = "Admin"
EDITOR = "Editor"
COPY_EDITOR = "Copy editor"
ROLES = (ADMIN, EDITOR, COPY_EDITOR)
