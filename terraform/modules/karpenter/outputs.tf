output "node_role_name" {
  description = "Role of Karpenter's nodes: spec.role of the EC2NodeClass (argocd/platform/karpenter)."
  value       = module.node_role.name
}

output "node_role_arn" {
  description = "ARN of the node role."
  value       = module.node_role.arn
}

output "interruption_queue_name" {
  description = "SQS queue for the Karpenter chart's settings.interruptionQueue."
  value       = aws_sqs_queue.interruption.name
}

output "controller_role_arn" {
  description = "Role of the Karpenter controller (Pod Identity)."
  value       = module.controller_role.arn
}

output "discovery_tag" {
  description = "Tag on the subnets and security groups the EC2NodeClass selects."
  value       = { "karpenter.sh/discovery" = var.cluster_name }
}
