output "service_role_arn" {
  description = "Role of the service's pods (Pod Identity; the chart's serviceAccount.roleArn stays empty)."
  value       = module.service_role.arn
}

output "database_endpoint" {
  description = "Writer endpoint of the domain's database (QUARKUS_DATASOURCE_*_URL in values-<env>.yaml)."
  value       = module.database.endpoint
}

output "database_reader_endpoint" {
  description = "Reader endpoint of the domain's database."
  value       = module.database.reader_endpoint
}

output "bucket" {
  description = "The domain's bucket (HALYARD_STORAGE_BUCKET)."
  value       = module.bucket.bucket
}

output "public_base_url" {
  description = "CDN base URL of the bucket's objects (product: HALYARD_STORAGE_PUBLIC_BASE_URL); null without CDN."
  value       = module.bucket.public_base_url
}

output "secret_names" {
  description = "Secrets Manager names of the service's secrets (externalSecret.secretName)."
  value       = sort([for s in aws_secretsmanager_secret.this : s.name])
}

output "repository_url" {
  description = "ECR repository of the service's images."
  value       = module.repository.repository_urls["halyard/${var.domain}"]
}
