-- id: infrastructure_sns_notifications
-- title: Infrastructure configurations send build notifications to an SNS topic
-- severity: low
-- benchmarks: foundational
-- rationale: A build that fails or an image that becomes available tells no one unless the infrastructure
--   configuration names an SNS topic; failures then go unnoticed until an image is missing.
-- remediation: Set an SNS topic (snsTopicArn) on the infrastructure configuration and subscribe the team's
--   alerting to it.
-- references: https://docs.aws.amazon.com/imagebuilder/latest/userguide/integ-sns.html
select arn as resource, account_id, region,
       case when sns_topic_arn is not null then 'ok' else 'alarm' end as status,
       case when sns_topic_arn is not null
                 then 'Infrastructure configuration ' || name || ' notifies SNS topic ' || sns_topic_arn || '.'
            else 'Infrastructure configuration ' || name || ' names no SNS topic (snsTopicArn is not set).'
       end as reason
from imagebuilder_infrastructure_configuration
