output "vpc_id" {
  description = "The environment's VPC."
  value       = module.network.vpc_id
}

output "data_subnet_ids" {
  description = "Isolated subnets for the domains' databases."
  value       = module.network.data_subnet_ids
}

output "cluster_name" {
  description = "The EKS cluster."
  value       = module.eks.cluster_name
}

output "cluster_endpoint" {
  description = "Private API endpoint (argocd/projects: the environment's destination server)."
  value       = module.eks.cluster_endpoint
}

output "cluster_security_group_id" {
  description = "The cluster's security group, admitted by databases and brokers."
  value       = module.eks.cluster_security_group_id
}

output "karpenter" {
  description = "What the Karpenter chart and EC2NodeClass need: node role, interruption queue, discovery tag."
  value = {
    node_role          = module.karpenter.node_role_name
    interruption_queue = module.karpenter.interruption_queue_name
    discovery_tag      = module.karpenter.discovery_tag
  }
}

output "kafka" {
  description = "The MSK cluster: ARN, IAM bootstrap servers, topic ARNs and the consumer-group ARN prefix."
  value = {
    cluster_arn       = module.kafka.cluster_arn
    bootstrap_brokers = module.kafka.bootstrap_brokers
    topic_arns        = module.kafka.topic_arns
    group_arn_prefix  = module.kafka.group_arn_prefix
  }
}

output "access_log_bucket" {
  description = "Bucket for the domains' S3 and CloudFront access logs."
  value       = aws_s3_bucket.logs.id
}

output "github_roles" {
  description = "Roles to set as GitHub variables (README: Release path)."
  value = {
    AWS_IMAGE_PUSH_ROLE_ARN      = module.github.image_push_role_arn
    AWS_TERRAFORM_PLAN_ROLE_ARN  = module.github.plan_role_arn
    AWS_TERRAFORM_APPLY_ROLE_ARN = module.github.apply_role_arn
  }
}

output "for_domains" {
  description = "What the domain stacks need, as one object (the core stack's output \"platform\"; the domain module's input)."
  value = {
    vpc_id                    = module.network.vpc_id
    data_subnet_ids           = module.network.data_subnet_ids
    cluster_name              = module.eks.cluster_name
    cluster_endpoint          = module.eks.cluster_endpoint
    cluster_security_group_id = module.eks.cluster_security_group_id
    karpenter = {
      node_role          = module.karpenter.node_role_name
      interruption_queue = module.karpenter.interruption_queue_name
      discovery_tag      = module.karpenter.discovery_tag
    }
    kafka = {
      cluster_arn       = module.kafka.cluster_arn
      bootstrap_brokers = module.kafka.bootstrap_brokers
      topic_arns        = module.kafka.topic_arns
      group_arn_prefix  = module.kafka.group_arn_prefix
    }
    access_log_bucket = aws_s3_bucket.logs.id
  }
}
