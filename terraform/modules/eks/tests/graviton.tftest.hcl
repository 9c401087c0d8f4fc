# terraform test with a mocked AWS provider: the rules that matter, checked on the plan.

mock_provider "aws" {
  override_during = plan
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
}

variables {
  name        = "halyard-test"
  subnet_ids  = ["subnet-a", "subnet-b", "subnet-c"]
  kms_key_arn = "arn:aws:kms:ap-northeast-2:111111111111:key/test"
}

run "system_nodes_are_graviton_and_the_api_private" {
  command = plan

  assert {
    condition     = aws_eks_node_group.system.ami_type == "AL2023_ARM_64_STANDARD"
    error_message = "System nodes run AL2023 for ARM64."
  }
  assert {
    condition     = alltrue([for t in aws_eks_node_group.system.instance_types : startswith(t, "t4g.")])
    error_message = "System nodes are t4g by default."
  }
  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_public_access == false
    error_message = "The Kubernetes API is private."
  }
  assert {
    condition     = aws_eks_cluster.this.access_config[0].authentication_mode == "API"
    error_message = "Access entries only, no aws-auth ConfigMap."
  }
  assert {
    condition     = jsondecode(aws_eks_addon.vpc_cni.configuration_values).enableNetworkPolicy == "true"
    error_message = "The VPC CNI enforces NetworkPolicies."
  }
  assert {
    condition     = aws_launch_template.system.metadata_options[0].http_tokens == "required"
    error_message = "IMDSv2 only."
  }
}

run "x86_system_nodes_are_refused" {
  command = plan
  variables {
    system_node_group = { instance_types = ["m5.large"] }
  }
  expect_failures = [var.system_node_group]
}
