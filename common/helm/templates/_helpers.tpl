{{/*
Helpers shared by the order, product and user charts. The generated templates (deployment.yaml, service.yaml,
servicemonitor.yaml) name everything after the chart, so these do too.
*/}}

{{- define "halyard.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The URL prefix of the service's API: /orders, /products, /users */}}
{{- define "halyard.pathPrefix" -}}
{{- printf "/%ss" .Chart.Name -}}
{{- end -}}

{{- define "halyard.selectorLabels" -}}
app.kubernetes.io/name: {{ include "halyard.name" . }}
app.kubernetes.io/part-of: halyard
{{- end -}}

{{- define "halyard.labels" -}}
{{ include "halyard.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{/* registry/repository:tag; the repository defaults to halyard/<chart>, the tag to the chart's appVersion */}}
{{- define "halyard.image" -}}
{{- $repository := .Values.image.repository | default (printf "halyard/%s" .Chart.Name) -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion -}}
{{- printf "%s/%s:%s" .Values.image.registry $repository $tag -}}
{{- end -}}

{{/*
Prometheus selector of the service's API requests (probes and /q routes left out). By container, not Service:
blue and green are both scraped through <chart>-metrics, each pod once.
*/}}
{{- define "halyard.apiRequests" -}}
namespace="{{ .Release.Namespace }}",container="{{ include "halyard.name" . }}",uri!~"/q/.*"
{{- end -}}
