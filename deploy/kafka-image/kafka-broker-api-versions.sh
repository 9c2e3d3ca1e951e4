#!/usr/bin/env bash
# What the official image's bin/kafka-broker-api-versions.sh runs (the
# compose healthcheck calls it): the API versions each broker supports.
exec java -Xmx256M -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.xml \
    -cp '/opt/kafka/libs/*' org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
