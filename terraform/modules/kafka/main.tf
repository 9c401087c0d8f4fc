# Amazon MSK for the saga: IAM authentication over TLS only (the services' pods authenticate with their Pod Identity
# role), reachable only from the cluster's security group, in the isolated MQ subnets.

resource "aws_security_group" "this" {
  name        = "${var.name}-kafka"
  description = "Kafka of ${var.name}: IAM over TLS from the cluster only"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "this" {
  for_each                     = toset(var.allowed_security_group_ids)
  security_group_id            = aws_security_group.this.id
  description                  = "Kafka (IAM, TLS) from ${each.value}"
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 9098
  to_port                      = 9098
}

resource "aws_msk_serverless_cluster" "this" {
  count        = var.serverless ? 1 : 0
  cluster_name = var.name

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = [aws_security_group.this.id]
  }

  client_authentication {
    sasl {
      iam {
        enabled = true
      }
    }
  }

  tags = var.tags
}

resource "aws_cloudwatch_log_group" "brokers" {
  count             = var.serverless ? 0 : 1
  name              = "/halyard/${var.name}/msk"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = var.tags
}

resource "aws_msk_configuration" "this" {
  count          = var.serverless ? 0 : 1
  name           = var.name
  kafka_versions = [var.kafka_version]
  # topics are made on purpose (topic names are outputs), three replicas, and a write waits for two
  server_properties = <<-EOT
    auto.create.topics.enable=false
    default.replication.factor=3
    min.insync.replicas=2
    num.partitions=3
  EOT
}

resource "aws_msk_cluster" "this" {
  count                  = var.serverless ? 0 : 1
  cluster_name           = var.name
  kafka_version          = var.kafka_version
  number_of_broker_nodes = length(var.subnet_ids)
  enhanced_monitoring    = "PER_TOPIC_PER_BROKER"

  broker_node_group_info {
    instance_type   = var.broker_instance_type
    client_subnets  = var.subnet_ids
    security_groups = [aws_security_group.this.id]
    storage_info {
      ebs_storage_info {
        volume_size = var.broker_storage_gib
      }
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this[0].arn
    revision = aws_msk_configuration.this[0].latest_revision
  }

  client_authentication {
    unauthenticated = false
    sasl {
      iam = true
    }
  }

  encryption_info {
    encryption_at_rest_kms_key_arn = var.kms_key_arn
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }

  open_monitoring {
    prometheus {
      jmx_exporter {
        enabled_in_broker = true
      }
      node_exporter {
        enabled_in_broker = true
      }
    }
  }

  logging_info {
    broker_logs {
      cloudwatch_logs {
        enabled   = true
        log_group = aws_cloudwatch_log_group.brokers[0].name
      }
    }
  }

  tags = var.tags
}

locals {
  cluster_arn = var.serverless ? aws_msk_serverless_cluster.this[0].arn : aws_msk_cluster.this[0].arn
  # arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid> -> topic/<name>/<uuid>/<topic>, group/<name>/<uuid>/<group>
  resource_prefix = replace(local.cluster_arn, ":cluster/", ":%s/")
}
