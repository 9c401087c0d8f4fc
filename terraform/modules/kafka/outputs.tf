output "cluster_arn" {
  description = "ARN of the MSK cluster (serverless or provisioned)."
  value       = local.cluster_arn
}

output "bootstrap_brokers" {
  description = "Bootstrap servers for IAM over TLS (the services' KAFKA_BOOTSTRAP_SERVERS)."
  value       = var.serverless ? aws_msk_serverless_cluster.this[0].bootstrap_brokers_sasl_iam : aws_msk_cluster.this[0].bootstrap_brokers_sasl_iam
}

output "topics" {
  description = "The saga's topic names."
  value       = var.topics
}

output "topic_arns" {
  description = "ARN of each topic, by name, for kafka-cluster:* policies."
  value       = { for t in var.topics : t => "${format(local.resource_prefix, "topic")}/${t}" }
}

output "group_arn_prefix" {
  description = "ARN prefix of consumer groups: append the group id (the service's name)."
  value       = format(local.resource_prefix, "group")
}

output "security_group_id" {
  description = "Security group of the brokers."
  value       = aws_security_group.this.id
}
