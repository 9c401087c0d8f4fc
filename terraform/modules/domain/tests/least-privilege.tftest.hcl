# The service's pod role reaches its own domain only, checked on the plan with a mocked AWS provider.

mock_provider "aws" {
  override_during = plan
  mock_data "aws_iam_policy_document" {
    defaults = { json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111111111111" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
}

override_resource {
  target          = module.bucket.aws_s3_bucket.this
  override_during = plan
  values          = { arn = "arn:aws:s3:::halyard-order-documents-test" }
}

variables {
  domain      = "order"
  environment = "prod"
  platform = {
    vpc_id                    = "vpc-test"
    data_subnet_ids           = ["subnet-a", "subnet-b", "subnet-c"]
    cluster_name              = "halyard-test"
    cluster_security_group_id = "sg-cluster"
    access_log_bucket         = "halyard-test-access-logs"
    kafka = {
      cluster_arn = "arn:aws:kafka:ap-northeast-2:111111111111:cluster/halyard-test/uuid"
      topic_arns = {
        "order-events"     = "arn:aws:kafka:ap-northeast-2:111111111111:topic/halyard-test/uuid/order-events"
        "inventory-events" = "arn:aws:kafka:ap-northeast-2:111111111111:topic/halyard-test/uuid/inventory-events"
      }
      group_arn_prefix = "arn:aws:kafka:ap-northeast-2:111111111111:group/halyard-test/uuid"
    }
  }
  topics = { produces = ["order-events"], consumes = ["inventory-events"] }
  bucket = { name = "halyard-order-documents-test", retention_years = 7 }
}

run "the_pod_role_reaches_its_own_domain_only" {
  command = plan

  assert {
    condition     = module.service_role.association.namespace == "order" && module.service_role.association.service_account == "order"
    error_message = "The role belongs to service account order/order."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.service.statement : s.resources if s.sid == "OwnObjects"]) == toset(["arn:aws:s3:::halyard-order-documents-test/*"])
    error_message = "Objects of its own bucket only."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.service.statement : s.resources if s.sid == "Produce"]) == toset(["arn:aws:kafka:ap-northeast-2:111111111111:topic/halyard-test/uuid/order-events"])
    error_message = "Order writes order-events and nothing else."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.service.statement : s.resources if s.sid == "Consume"]) == toset(["arn:aws:kafka:ap-northeast-2:111111111111:topic/halyard-test/uuid/inventory-events"])
    error_message = "Order reads inventory-events and nothing else."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.service.statement : s.resources if s.sid == "OwnConsumerGroup"]) == toset(["arn:aws:kafka:ap-northeast-2:111111111111:group/halyard-test/uuid/order"])
    error_message = "Its own consumer group only."
  }
  assert {
    condition     = alltrue([for s in data.aws_iam_policy_document.service.statement : alltrue([for r in s.resources : !strcontains(r, "product") && !strcontains(r, "user")]) if contains(["OwnObjects", "OwnBucket", "Kafka", "Produce", "Consume", "OwnConsumerGroup"], s.sid)])
    error_message = "Nothing of the product or user domains."
  }
  assert {
    condition     = alltrue([for s in aws_secretsmanager_secret.this : startswith(s.name, "halyard/prod/order")])
    error_message = "Secrets live under halyard/<env>/<domain>."
  }
}

run "a_topic_the_cluster_lacks_is_refused" {
  command = plan
  variables {
    topics = { produces = ["payment-events"], consumes = [] }
  }
  expect_failures = [var.topics]
}
