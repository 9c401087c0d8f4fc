# tflint for every module and root stack (TerraformTest, .ci/terraform check): the bundled terraform ruleset with
# all rules, so naming, documentation, typed variables, pinned versions and unused declarations are enforced.
config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "all"
}
