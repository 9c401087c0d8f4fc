output "platform" {
  description = "Everything the domain stacks and the cluster add-ons need from the platform."
  value       = module.platform.environment
}

output "github_roles" {
  description = "Set these as GitHub Actions variables (README: Release path)."
  value       = module.platform.github_roles
}
