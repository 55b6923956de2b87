/**
 * Transactional (half) messages: storing a prepared message out of sight, committing or rolling it
 * back on END_TRANSACTION, and checking back with the producer group when the outcome is late.
 */
package io.kitemq.broker.transaction;
