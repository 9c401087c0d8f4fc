# The database is reachable from the cluster only, checked on the plan with a mocked AWS provider.

mock_provider "aws" {
  override_during = plan
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
}

variables {
  name                       = "halyard-test-order"
  database_name              = "orderdb"
  vpc_id                     = "vpc-test"
  subnet_ids                 = ["subnet-a", "subnet-b", "subnet-c"]
  allowed_security_group_ids = ["sg-cluster"]
  kms_key_arn                = "arn:aws:kms:ap-northeast-2:111111111111:key/test"
}

run "prod_is_private_encrypted_protected_with_a_reader" {
  command = plan

  assert {
    condition     = alltrue([for i in aws_rds_cluster_instance.this : i.publicly_accessible == false])
    error_message = "No instance is publicly accessible."
  }
  assert {
    condition     = length(aws_rds_cluster_instance.this) == 2
    error_message = "A writer and a reader (seed 002)."
  }
  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.this : r.referenced_security_group_id == "sg-cluster" && r.cidr_ipv4 == null && r.from_port == 5432])
    error_message = "Only the cluster's security group may connect, on 5432."
  }
  assert {
    condition     = aws_rds_cluster.this.storage_encrypted && aws_rds_cluster.this.manage_master_user_password && aws_rds_cluster.this.deletion_protection
    error_message = "Encrypted, master password kept by RDS in Secrets Manager, deletion protected."
  }
}

run "dev_is_serverless" {
  command = plan
  variables {
    serverless   = true
    reader_count = 0
  }

  assert {
    condition     = aws_rds_cluster_instance.this[0].instance_class == "db.serverless" && length(aws_rds_cluster.this.serverlessv2_scaling_configuration) == 1
    error_message = "Dev runs Aurora Serverless v2."
  }
}

run "a_non_graviton_instance_class_is_refused" {
  command = plan
  variables {
    instance_class = "db.r6i.large"
  }
  expect_failures = [var.instance_class]
}
