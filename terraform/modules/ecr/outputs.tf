output "repository_urls" {
  description = "Repository URL by name (the charts' image.registry is the part before the first '/')."
  value       = { for name, r in aws_ecr_repository.this : name => r.repository_url }
}

output "repository_arns" {
  description = "Repository ARN by name, for push policies (github-oidc) and pull policies."
  value       = { for name, r in aws_ecr_repository.this : name => r.arn }
}
