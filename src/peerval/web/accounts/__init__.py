"""Users, roles and membership of evaluations."""
