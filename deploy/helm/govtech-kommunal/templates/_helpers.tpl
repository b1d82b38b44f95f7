{{/* Names: every object is named <release>-<part>, e.g. govtech-membership. */}}
{{- define "govtech.name" -}}
{{- printf "%s-%s" .root.Release.Name .part | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "govtech.labels" -}}
app.kubernetes.io/part-of: govtech-kommunal
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "govtech.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .component }}
{{- end -}}

{{/* The image of a workload: [registry/]repository:tag. */}}
{{- define "govtech.image" -}}
{{- $tag := .workload.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .workload.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" .workload.repository $tag -}}
{{- end -}}
{{- end -}}

{{- define "govtech.postgresCluster" -}}
{{- include "govtech.name" (dict "root" .root "part" (printf "%s-db" .database)) -}}
{{- end -}}

{{- define "govtech.jdbcUrl" -}}
{{- if .root.Values.postgres.enabled -}}
{{- printf "jdbc:postgresql://%s-rw:5432/%s" (include "govtech.postgresCluster" .) .database -}}
{{- else -}}
{{- printf .root.Values.postgres.externalJdbcUrl .database -}}
{{- end -}}
{{- end -}}

{{/* Secret with keys username and password: CloudNativePG's generated <cluster>-app, or the external one. */}}
{{- define "govtech.databaseSecret" -}}
{{- if .root.Values.postgres.enabled -}}
{{- printf "%s-app" (include "govtech.postgresCluster" .) -}}
{{- else -}}
{{- printf .root.Values.postgres.externalSecret .database -}}
{{- end -}}
{{- end -}}

{{- define "govtech.kafkaCluster" -}}
{{- include "govtech.name" (dict "root" . "part" "kafka") -}}
{{- end -}}

{{- define "govtech.kafkaBootstrap" -}}
{{- if .Values.kafka.enabled -}}
{{- printf "%s-kafka-bootstrap:9092" (include "govtech.kafkaCluster" .) -}}
{{- else -}}
{{- required "kafka.externalBootstrapServers is required when kafka.enabled is false" .Values.kafka.externalBootstrapServers -}}
{{- end -}}
{{- end -}}

{{- define "govtech.keycloakName" -}}
{{- include "govtech.name" (dict "root" . "part" "keycloak") -}}
{{- end -}}

{{/* The realm URL as the pods reach it (the operator's Service <name>-service on its HTTP port). */}}
{{- define "govtech.realmUrl" -}}
{{- if .Values.keycloak.enabled -}}
{{- printf "http://%s-service:8080/realms/govtech" (include "govtech.keycloakName" .) -}}
{{- else -}}
{{- required "keycloak.externalRealmUrl is required when keycloak.enabled is false" .Values.keycloak.externalRealmUrl -}}
{{- end -}}
{{- end -}}

{{/* The realm URL as browsers reach it. */}}
{{- define "govtech.publicRealmUrl" -}}
{{- if .Values.keycloak.enabled -}}
{{- printf "https://%s/realms/govtech" .Values.keycloak.hostname -}}
{{- else -}}
{{- .Values.keycloak.externalRealmUrl -}}
{{- end -}}
{{- end -}}

{{/*
A Deployment, Service and PodDisruptionBudget of one workload.
Arguments: root, component (e.g. membership-service), workload (its values), configMap (name), database ("" for none),
volumes and volumeMounts (lists, may be empty).
*/}}
{{- define "govtech.workload" -}}
{{- $root := .root -}}
{{- $name := include "govtech.name" (dict "root" $root "part" .component) -}}
{{- $probes := $root.Values.pod.probes -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $name }}
  labels:
    {{- include "govtech.labels" $root | nindent 4 }}
    app.kubernetes.io/name: {{ .component }}
    app.kubernetes.io/version: {{ $root.Chart.AppVersion | quote }}
spec:
  replicas: {{ .workload.replicas }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "govtech.selector" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  template:
    metadata:
      labels:
        {{- include "govtech.labels" $root | nindent 8 }}
        app.kubernetes.io/name: {{ .component }}
      annotations:
        checksum/config: {{ .configChecksum }}
    spec:
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: {{ $root.Values.pod.terminationGracePeriodSeconds }}
      {{- with $root.Values.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      securityContext:
        runAsNonRoot: true
        runAsUser: {{ $root.Values.pod.runAsUser }}
        runAsGroup: {{ $root.Values.pod.runAsGroup }}
        fsGroup: {{ $root.Values.pod.runAsGroup }}
        seccompProfile:
          type: RuntimeDefault
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "govtech.selector" . | nindent 14 }}
      containers:
        - name: {{ .component }}
          image: {{ include "govtech.image" (dict "root" $root "workload" .workload) }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .workload.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ .configMap }}
          {{- if .database }}
          env:
            - name: QUARKUS_DATASOURCE_USERNAME
              valueFrom:
                secretKeyRef:
                  name: {{ include "govtech.databaseSecret" (dict "root" $root "database" .database) }}
                  key: username
            - name: QUARKUS_DATASOURCE_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: {{ include "govtech.databaseSecret" (dict "root" $root "database" .database) }}
                  key: password
          {{- end }}
          {{- range $name, $ref := .workload.secretEnv }}
            - name: {{ $name }}
              valueFrom:
                secretKeyRef:
                  name: {{ $ref.name }}
                  key: {{ $ref.key }}
          {{- end }}
          startupProbe:
            httpGet:
              path: /q/health/started
              port: http
            periodSeconds: {{ $probes.periodSeconds }}
            timeoutSeconds: {{ $probes.timeoutSeconds }}
            failureThreshold: {{ $probes.startupFailureThreshold }}
          livenessProbe:
            httpGet:
              path: /q/health/live
              port: http
            periodSeconds: {{ $probes.periodSeconds }}
            timeoutSeconds: {{ $probes.timeoutSeconds }}
            failureThreshold: {{ $probes.failureThreshold }}
          readinessProbe:
            httpGet:
              path: /q/health/ready
              port: http
            periodSeconds: {{ $probes.periodSeconds }}
            timeoutSeconds: {{ $probes.timeoutSeconds }}
            failureThreshold: {{ $probes.failureThreshold }}
          resources:
            {{- toYaml .workload.resources | nindent 12 }}
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            {{- with .volumeMounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        {{- with .volumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $name }}
  labels:
    {{- include "govtech.labels" $root | nindent 4 }}
    app.kubernetes.io/name: {{ .component }}
spec:
  type: ClusterIP
  selector:
    {{- include "govtech.selector" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .workload.port }}
      targetPort: http
      protocol: TCP
{{- if and $root.Values.pod.disruptionBudget (gt (int .workload.replicas) 1) }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $name }}
  labels:
    {{- include "govtech.labels" $root | nindent 4 }}
    app.kubernetes.io/name: {{ .component }}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      {{- include "govtech.selector" . | nindent 6 }}
{{- end }}
{{- end -}}
