output "endpoint" {
  description = "Writer endpoint (the service's QUARKUS_DATASOURCE_*_URL host)."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint, balanced over the replicas."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "port" {
  description = "PostgreSQL port."
  value       = aws_rds_cluster.this.port
}

output "database_name" {
  description = "The domain's database."
  value       = aws_rds_cluster.this.database_name
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret RDS keeps the administrator's credentials in."
  value       = aws_rds_cluster.this.master_user_secret[0].secret_arn
}

output "cluster_resource_id" {
  description = "Resource id of the cluster, for rds-db:connect policies (IAM authentication)."
  value       = aws_rds_cluster.this.cluster_resource_id
}

output "security_group_id" {
  description = "Security group of the database."
  value       = aws_security_group.this.id
}
