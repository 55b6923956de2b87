/** Administration: cluster and route inspection, topic management, statistics, lookups. */
package io.kitemq.client.admin;
