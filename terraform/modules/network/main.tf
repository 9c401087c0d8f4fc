# Seed 002's network: three AZs, each with a public, an app (private), a data and an MQ subnet, plus a management
# subnet for the SSM Session Manager endpoints operators go through. Nothing administrative is public: the EKS API
# is private and databases sit in the data subnets, reachable from the cluster only.

locals {
  # 10.x.0.0/16: public 10.x.0-2.0/24, data 10.x.10-12.0/24, mq 10.x.20-22.0/24, management 10.x.30.0/24,
  # app 10.x.64.0/20, 10.x.80.0/20, 10.x.96.0/20
  public     = [for i, az in var.azs : cidrsubnet(var.cidr, 8, i)]
  data       = [for i, az in var.azs : cidrsubnet(var.cidr, 8, 10 + i)]
  mq         = [for i, az in var.azs : cidrsubnet(var.cidr, 8, 20 + i)]
  management = cidrsubnet(var.cidr, 8, 30)
  app        = [for i, az in var.azs : cidrsubnet(var.cidr, 4, 4 + i)]
  nat_count  = var.single_nat_gateway ? 1 : length(var.azs)
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(var.tags, { Name = var.name })
}

# no rule: anything left in the default group can talk to nothing
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = "${var.name}-default-unused" })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = var.name })
}

resource "aws_subnet" "public" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = local.public[count.index]
  tags = merge(var.tags, {
    Name                     = "${var.name}-public-${var.azs[count.index]}"
    "kubernetes.io/role/elb" = "1"
  })
}

resource "aws_subnet" "app" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = local.app[count.index]
  tags = merge(var.tags, {
    Name                              = "${var.name}-app-${var.azs[count.index]}"
    "kubernetes.io/role/internal-elb" = "1"
    "karpenter.sh/discovery"          = var.cluster_name
  })
}

resource "aws_subnet" "data" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = local.data[count.index]
  tags              = merge(var.tags, { Name = "${var.name}-data-${var.azs[count.index]}" })
}

resource "aws_subnet" "mq" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[count.index]
  cidr_block        = local.mq[count.index]
  tags              = merge(var.tags, { Name = "${var.name}-mq-${var.azs[count.index]}" })
}

resource "aws_subnet" "management" {
  vpc_id            = aws_vpc.this.id
  availability_zone = var.azs[0]
  cidr_block        = local.management
  tags              = merge(var.tags, { Name = "${var.name}-management" })
}

resource "aws_eip" "nat" {
  count  = local.nat_count
  domain = "vpc"
  tags   = merge(var.tags, { Name = "${var.name}-nat-${count.index}" })
}

resource "aws_nat_gateway" "this" {
  count         = local.nat_count
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  tags          = merge(var.tags, { Name = "${var.name}-${var.azs[count.index]}" })
  depends_on    = [aws_internet_gateway.this]
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
  tags = merge(var.tags, { Name = "${var.name}-public" })
}

resource "aws_route_table_association" "public" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

# app and management subnets leave through their AZ's NAT gateway (or the single one)
resource "aws_route_table" "private" {
  count  = length(var.azs)
  vpc_id = aws_vpc.this.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.this[min(count.index, local.nat_count - 1)].id
  }
  tags = merge(var.tags, { Name = "${var.name}-private-${var.azs[count.index]}" })
}

resource "aws_route_table_association" "app" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.app[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}

resource "aws_route_table_association" "management" {
  subnet_id      = aws_subnet.management.id
  route_table_id = aws_route_table.private[0].id
}

# data and MQ subnets have no route out at all
resource "aws_route_table" "isolated" {
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = "${var.name}-isolated" })
}

resource "aws_route_table_association" "data" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.data[count.index].id
  route_table_id = aws_route_table.isolated.id
}

resource "aws_route_table_association" "mq" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.mq[count.index].id
  route_table_id = aws_route_table.isolated.id
}
