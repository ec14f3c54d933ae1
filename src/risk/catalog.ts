/**
 * What plangate knows about data and safeguards, as data: which resource
 * types hold state that a destroy or replace loses, and which attributes
 * and tool settings guard against deletion. Each entry says why, so that a
 * reviewer can read (and a contributor extend) the reason a change is
 * flagged. The gate only reads these tables through `assess.ts`.
 */

/** Resource types that hold data a destroy or replace loses, grouped by what they hold. */
export interface StatefulKind {
  readonly id: string
  /** What is lost, in words: "the rows of a relational database". */
  readonly holds: string
  /** Terraform / OpenTofu resource types (also cdktf). */
  readonly terraform: readonly string[]
  /** CloudFormation resource types (change sets, CDK template diffs). */
  readonly cloudformation: readonly string[]
  /** Pulumi type tokens. */
  readonly pulumi: readonly string[]
}

export const STATEFUL_KINDS: readonly StatefulKind[] = [
  {
    id: 'relational-database',
    holds: 'the data of a relational database (instance or cluster storage)',
    terraform: [
      'aws_db_instance',
      'aws_rds_cluster',
      'aws_rds_global_cluster',
      'aws_docdb_cluster',
      'aws_neptune_cluster',
      'aws_redshift_cluster',
      'aws_redshiftserverless_namespace',
      'aws_lightsail_database',
      'google_sql_database_instance',
      'google_sql_database',
      'google_alloydb_cluster',
      'google_spanner_instance',
      'google_spanner_database',
      'azurerm_mssql_server',
      'azurerm_mssql_database',
      'azurerm_mssql_managed_instance',
      'azurerm_postgresql_server',
      'azurerm_postgresql_flexible_server',
      'azurerm_postgresql_flexible_server_database',
      'azurerm_mysql_flexible_server',
      'azurerm_mysql_flexible_database'
    ],
    cloudformation: [
      'AWS::RDS::DBInstance',
      'AWS::RDS::DBCluster',
      'AWS::RDS::GlobalCluster',
      'AWS::RDS::DBShardGroup',
      'AWS::DocDB::DBCluster',
      'AWS::DocDBElastic::Cluster',
      'AWS::Neptune::DBCluster',
      'AWS::Redshift::Cluster',
      'AWS::RedshiftServerless::Namespace'
    ],
    pulumi: [
      'aws:rds/instance:Instance',
      'aws:rds/cluster:Cluster',
      'aws:rds/globalCluster:GlobalCluster',
      'aws:docdb/cluster:Cluster',
      'aws:neptune/cluster:Cluster',
      'aws:redshift/cluster:Cluster',
      'gcp:sql/databaseInstance:DatabaseInstance',
      'gcp:sql/database:Database',
      'gcp:spanner/database:Database',
      'azure-native:sql:Server',
      'azure-native:sql:Database',
      'azure-native:dbforpostgresql:Server',
      'azure-native:dbformysql:Server'
    ]
  },
  {
    id: 'nosql-table',
    holds: 'the items of a table or document database',
    terraform: [
      'aws_dynamodb_table',
      'aws_dynamodb_global_table',
      'aws_keyspaces_table',
      'aws_timestreamwrite_table',
      'aws_qldb_ledger',
      'google_bigquery_dataset',
      'google_bigquery_table',
      'google_bigtable_instance',
      'google_bigtable_table',
      'google_firestore_database',
      'azurerm_cosmosdb_account',
      'azurerm_cosmosdb_sql_database',
      'azurerm_cosmosdb_sql_container',
      'azurerm_cosmosdb_mongo_database',
      'azurerm_cosmosdb_mongo_collection',
      'azurerm_storage_table'
    ],
    cloudformation: [
      'AWS::DynamoDB::Table',
      'AWS::DynamoDB::GlobalTable',
      'AWS::Cassandra::Table',
      'AWS::Timestream::Table',
      'AWS::QLDB::Ledger'
    ],
    pulumi: [
      'aws:dynamodb/table:Table',
      'aws:dynamodb/globalTable:GlobalTable',
      'gcp:bigquery/dataset:Dataset',
      'gcp:bigquery/table:Table',
      'gcp:firestore/database:Database',
      'azure-native:documentdb:DatabaseAccount'
    ]
  },
  {
    id: 'object-storage',
    holds: 'the objects stored in a bucket or storage account',
    terraform: [
      'aws_s3_bucket',
      'aws_s3_directory_bucket',
      'aws_s3_object',
      'aws_glacier_vault',
      'google_storage_bucket',
      'azurerm_storage_account',
      'azurerm_storage_container',
      'azurerm_storage_data_lake_gen2_filesystem'
    ],
    cloudformation: ['AWS::S3::Bucket', 'AWS::S3Express::DirectoryBucket'],
    pulumi: [
      'aws:s3/bucket:Bucket',
      'aws:s3/bucketV2:BucketV2',
      'aws:s3/bucketObject:BucketObject',
      'gcp:storage/bucket:Bucket',
      'azure-native:storage:StorageAccount',
      'azure-native:storage:BlobContainer'
    ]
  },
  {
    id: 'volume',
    holds: 'the blocks of a disk, snapshot or persistent volume',
    terraform: [
      'aws_ebs_volume',
      'aws_ebs_snapshot',
      'aws_db_snapshot',
      'aws_db_cluster_snapshot',
      'google_compute_disk',
      'google_compute_region_disk',
      'google_compute_snapshot',
      'azurerm_managed_disk',
      'azurerm_snapshot',
      'kubernetes_persistent_volume',
      'kubernetes_persistent_volume_v1',
      'kubernetes_persistent_volume_claim',
      'kubernetes_persistent_volume_claim_v1',
      'kubernetes_stateful_set',
      'kubernetes_stateful_set_v1'
    ],
    cloudformation: ['AWS::EC2::Volume'],
    pulumi: [
      'aws:ebs/volume:Volume',
      'aws:ebs/snapshot:Snapshot',
      'gcp:compute/disk:Disk',
      'azure-native:compute:Disk',
      'kubernetes:core/v1:PersistentVolume',
      'kubernetes:core/v1:PersistentVolumeClaim',
      'kubernetes:apps/v1:StatefulSet'
    ]
  },
  {
    id: 'file-system',
    holds: 'the files of a network file system',
    terraform: [
      'aws_efs_file_system',
      'aws_fsx_lustre_file_system',
      'aws_fsx_ontap_file_system',
      'aws_fsx_openzfs_file_system',
      'aws_fsx_windows_file_system',
      'google_filestore_instance',
      'azurerm_storage_share',
      'azurerm_netapp_volume'
    ],
    cloudformation: ['AWS::EFS::FileSystem', 'AWS::FSx::FileSystem'],
    pulumi: [
      'aws:efs/fileSystem:FileSystem',
      'gcp:filestore/instance:Instance',
      'azure-native:storage:FileShare'
    ]
  },
  {
    id: 'cache-with-persistence',
    holds:
      'the data of a cache or in-memory store that persists it (Redis/Valkey replication groups, MemoryDB)',
    terraform: [
      'aws_elasticache_replication_group',
      'aws_elasticache_cluster',
      'aws_elasticache_serverless_cache',
      'aws_memorydb_cluster',
      'google_redis_instance',
      'azurerm_redis_cache'
    ],
    cloudformation: [
      'AWS::ElastiCache::ReplicationGroup',
      'AWS::ElastiCache::CacheCluster',
      'AWS::ElastiCache::ServerlessCache',
      'AWS::MemoryDB::Cluster'
    ],
    pulumi: [
      'aws:elasticache/replicationGroup:ReplicationGroup',
      'aws:elasticache/cluster:Cluster',
      'aws:memorydb/cluster:Cluster',
      'gcp:redis/instance:Instance',
      'azure-native:cache:Redis'
    ]
  },
  {
    id: 'search-index',
    holds: 'the documents of a search domain',
    terraform: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
    cloudformation: [
      'AWS::OpenSearchService::Domain',
      'AWS::Elasticsearch::Domain'
    ],
    pulumi: ['aws:opensearch/domain:Domain']
  },
  {
    id: 'queue-or-stream',
    holds: 'the messages waiting in a queue or stream',
    terraform: [
      'aws_sqs_queue',
      'aws_kinesis_stream',
      'aws_msk_cluster',
      'aws_mq_broker',
      'google_pubsub_subscription',
      'azurerm_servicebus_namespace',
      'azurerm_servicebus_queue',
      'azurerm_servicebus_topic',
      'azurerm_eventhub_namespace',
      'azurerm_eventhub'
    ],
    cloudformation: [
      'AWS::SQS::Queue',
      'AWS::Kinesis::Stream',
      'AWS::MSK::Cluster',
      'AWS::AmazonMQ::Broker'
    ],
    pulumi: [
      'aws:sqs/queue:Queue',
      'aws:kinesis/stream:Stream',
      'aws:msk/cluster:Cluster',
      'gcp:pubsub/subscription:Subscription',
      'azure-native:servicebus:Queue'
    ]
  },
  {
    id: 'key-or-secret',
    holds:
      'key material or a secret value: whatever it encrypted or authorised becomes unreadable',
    terraform: [
      'aws_kms_key',
      'aws_kms_replica_key',
      'aws_secretsmanager_secret',
      'google_kms_crypto_key',
      'google_secret_manager_secret',
      'azurerm_key_vault',
      'azurerm_key_vault_key',
      'azurerm_key_vault_secret',
      'azurerm_key_vault_certificate'
    ],
    cloudformation: [
      'AWS::KMS::Key',
      'AWS::KMS::ReplicaKey',
      'AWS::SecretsManager::Secret'
    ],
    pulumi: [
      'aws:kms/key:Key',
      'aws:secretsmanager/secret:Secret',
      'gcp:kms/cryptoKey:CryptoKey',
      'gcp:secretmanager/secret:Secret',
      'azure-native:keyvault:Vault',
      'azure-native:keyvault:Key'
    ]
  },
  {
    id: 'log-store',
    holds: 'the log events kept in a log group or workspace',
    terraform: [
      'aws_cloudwatch_log_group',
      'google_logging_project_bucket_config',
      'azurerm_log_analytics_workspace'
    ],
    cloudformation: ['AWS::Logs::LogGroup'],
    pulumi: [
      'aws:cloudwatch/logGroup:LogGroup',
      'azure-native:operationalinsights:Workspace'
    ]
  },
  {
    id: 'dns-zone',
    holds:
      'the records of a DNS zone (and its name servers: a new zone gets new ones, which the parent must delegate again)',
    terraform: [
      'aws_route53_zone',
      'google_dns_managed_zone',
      'azurerm_dns_zone',
      'azurerm_private_dns_zone'
    ],
    cloudformation: ['AWS::Route53::HostedZone'],
    pulumi: [
      'aws:route53/zone:Zone',
      'gcp:dns/managedZone:ManagedZone',
      'azure-native:network:Zone'
    ]
  },
  {
    id: 'backup-or-registry',
    holds:
      'recovery points, images or users kept by the service (backup vaults, container registries, user pools)',
    terraform: [
      'aws_backup_vault',
      'aws_ecr_repository',
      'aws_cognito_user_pool',
      'google_artifact_registry_repository',
      'azurerm_recovery_services_vault',
      'azurerm_container_registry'
    ],
    cloudformation: [
      'AWS::Backup::BackupVault',
      'AWS::ECR::Repository',
      'AWS::Cognito::UserPool'
    ],
    pulumi: [
      'aws:backup/vault:Vault',
      'aws:ecr/repository:Repository',
      'aws:cognito/userPool:UserPool'
    ]
  }
]

/** The stateful kind of a resource type, if the catalog lists it (exact, case-sensitive). */
export function statefulKindOf(type: string): StatefulKind | undefined {
  return STATEFUL_BY_TYPE.get(type)
}

const STATEFUL_BY_TYPE: ReadonlyMap<string, StatefulKind> = new Map(
  STATEFUL_KINDS.flatMap((kind) =>
    [...kind.terraform, ...kind.cloudformation, ...kind.pulumi].map(
      (type) => [type, kind] as const
    )
  )
)

/**
 * How a safeguard is lowered, from one value to the next:
 * - `off`: it was on (true, "Enabled", "ENABLED") and is now off;
 * - `on`: a dangerous switch was off and is now on (`force_destroy`);
 * - `zero`: a positive retention became 0;
 * - `values`: it moved from one of `from` to anything else (case-insensitive;
 *   `to` lists the usual lowered values, for readers).
 * A value that becomes unknown (known only after apply) counts as lowered:
 * plangate fails closed.
 */
export type Lowering =
  | { readonly kind: 'off' }
  | { readonly kind: 'on' }
  | { readonly kind: 'zero' }
  | {
      readonly kind: 'values'
      readonly from: readonly string[]
      readonly to: readonly string[]
    }

/** An attribute that guards against deletion or data loss. */
export interface Safeguard {
  readonly id: string
  /**
   * The attribute's path with list indexes dropped, lower case, without
   * `_`, matched against the end of a changed attribute's path:
   * `deletionprotection` matches `deletion_protection` (Terraform),
   * `deletionProtection` (Pulumi) and `DeletionProtection` (CloudFormation);
   * `pointintimerecovery.enabled` matches `point_in_time_recovery[0].enabled`.
   */
  readonly paths: readonly string[]
  readonly lowered: Lowering
  /** What the safeguard does, in words. */
  readonly guards: string
  /** The value an absent attribute takes (the provider's default), for `off`/`on`. */
  readonly absentMeans?: boolean
}

export const SAFEGUARDS: readonly Safeguard[] = [
  {
    id: 'deletion-protection',
    paths: [
      'deletionprotection',
      'deletionprotectionenabled',
      'settings.deletionprotectionenabled'
    ],
    lowered: { kind: 'off' },
    guards: 'the provider refuses to delete the resource while it is on',
    absentMeans: false
  },
  {
    id: 'termination-protection',
    paths: [
      'terminationprotection',
      'enableterminationprotection',
      'disableapitermination',
      'disableapistop'
    ],
    lowered: { kind: 'off' },
    guards: 'the API refuses to terminate the resource while it is on',
    absentMeans: false
  },
  {
    id: 'force-destroy',
    paths: ['forcedestroy', 'forcedelete', 'forcedeletion'],
    lowered: { kind: 'on' },
    guards:
      'while it is off, a delete fails as long as the resource still holds data (objects, images, recovery points)',
    absentMeans: false
  },
  {
    id: 'final-snapshot',
    paths: ['skipfinalsnapshot'],
    lowered: { kind: 'on' },
    guards: 'while it is off, a delete takes a final snapshot first',
    absentMeans: false
  },
  {
    id: 'backup-retention',
    paths: [
      'backupretentionperiod',
      'backupretentiondays',
      'retentiondays',
      'shorttermretentionpolicy.retentiondays',
      'snapshotretentionlimit'
    ],
    lowered: { kind: 'zero' },
    guards: 'automated backups are kept for this many days (0: none are taken)'
  },
  {
    id: 'backups-enabled',
    paths: ['backupconfiguration.enabled', 'automatedbackups.enabled'],
    lowered: { kind: 'off' },
    guards: 'automated backups are taken while it is on',
    absentMeans: false
  },
  {
    id: 'point-in-time-recovery',
    paths: [
      'pointintimerecovery.enabled',
      'pointintimerecoveryenabled',
      'pointintimerecoveryspecification.pointintimerecoveryenabled',
      'pointintimerecoveryenabled'
    ],
    lowered: { kind: 'off' },
    guards: 'the table can be restored to any second of the last 35 days',
    absentMeans: false
  },
  {
    id: 'bucket-versioning',
    paths: [
      'versioning.enabled',
      'versioning.status',
      'versioningconfiguration.status',
      'versioning'
    ],
    lowered: {
      kind: 'values',
      from: ['true', 'enabled'],
      to: ['false', 'suspended', 'disabled']
    },
    guards:
      'overwritten and deleted objects are kept as older versions while it is on'
  },
  {
    id: 'purge-protection',
    paths: ['purgeprotectionenabled', 'enablepurgeprotection'],
    lowered: { kind: 'off' },
    guards:
      'a deleted key vault and its keys can be recovered during the retention period',
    absentMeans: false
  },
  {
    id: 'deletion-policy-attribute',
    paths: ['deletionpolicy'],
    lowered: {
      kind: 'values',
      from: ['prevent', 'abandon', 'retain'],
      to: ['delete']
    },
    guards:
      'a delete leaves the real object in place (Google deletion_policy PREVENT or ABANDON)'
  },
  {
    id: 'reclaim-policy',
    paths: ['persistentvolumereclaimpolicy', 'reclaimpolicy'],
    lowered: { kind: 'values', from: ['retain'], to: ['delete', 'recycle'] },
    guards:
      'the volume and its data outlive the claim while the policy is Retain'
  }
]

/**
 * Tool settings (not resource properties) whose change lowers a safeguard,
 * read from `ResourceChange.lifecycle`.
 */
export interface LifecycleSafeguard {
  readonly name:
    'protect' | 'retainOnDelete' | 'DeletionPolicy' | 'UpdateReplacePolicy'
  /** Values of the setting that keep data, and the values that do not. */
  readonly from: readonly string[]
  readonly to: readonly string[]
  readonly guards: string
}

export const LIFECYCLE_SAFEGUARDS: readonly LifecycleSafeguard[] = [
  {
    name: 'protect',
    from: ['true'],
    to: ['false'],
    guards: 'Pulumi refuses to delete or replace the resource while it is set'
  },
  {
    name: 'retainOnDelete',
    from: ['true'],
    to: ['false'],
    guards:
      'Pulumi leaves the real object in place when the program stops declaring it'
  },
  {
    name: 'DeletionPolicy',
    from: ['Retain', 'RetainExceptOnCreate', 'Snapshot'],
    to: ['Delete'],
    guards:
      'CloudFormation keeps the object (Retain) or snapshots it (Snapshot) when it is removed from the stack'
  },
  {
    name: 'UpdateReplacePolicy',
    from: ['Retain', 'Snapshot'],
    to: ['Delete'],
    guards:
      'CloudFormation keeps (Retain) or snapshots (Snapshot) the old object when a change replaces it'
  }
]
