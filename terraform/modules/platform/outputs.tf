output "environment" {
  description = "Everything the domain stacks and the cluster add-ons need, as one object: the core stack's output \"platform\", the domain module's input \"platform\"."
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

output "github_roles" {
  description = "Roles to set as GitHub variables (README: Release path)."
  value = {
    AWS_IMAGE_PUSH_ROLE_ARN      = module.github.image_push_role_arn
    AWS_TERRAFORM_PLAN_ROLE_ARN  = module.github.plan_role_arn
    AWS_TERRAFORM_APPLY_ROLE_ARN = module.github.apply_role_arn
  }
}
