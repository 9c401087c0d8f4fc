# No inputs: a stack's settings are literals in main.tf, changed and reviewed in pull requests.
