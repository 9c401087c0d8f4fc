# The system node group: t4g on AL2023 ARM64, for CoreDNS, the Karpenter controller and the add-ons. Application pods
# go to Karpenter's nodes (argocd/platform/karpenter).

module "node_role" {
  source = "../node-role"

  name = "${var.name}-system-node"
  tags = var.tags
}

resource "aws_launch_template" "system" {
  name_prefix = "${var.name}-system-"
  # IMDSv2 only, one hop: pods cannot borrow the node's role
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 40
      volume_type = "gp3"
      encrypted   = true
      kms_key_id  = var.kms_key_arn
    }
  }
  tag_specifications {
    resource_type = "instance"
    tags          = merge(var.tags, { Name = "${var.name}-system" })
  }
  tags = var.tags
}

resource "aws_eks_node_group" "system" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "system"
  node_role_arn   = module.node_role.arn
  subnet_ids      = var.subnet_ids
  ami_type        = "AL2023_ARM_64_STANDARD"
  capacity_type   = "ON_DEMAND"
  instance_types  = var.system_node_group.instance_types

  scaling_config {
    min_size     = var.system_node_group.min_size
    max_size     = var.system_node_group.max_size
    desired_size = var.system_node_group.desired_size
  }

  launch_template {
    id      = aws_launch_template.system.id
    version = aws_launch_template.system.latest_version
  }

  update_config {
    max_unavailable = 1
  }

  labels = { "halyard.dev/node-role" = "system" }

  tags = var.tags
}
