/** Request processors mapping name-server request codes onto the route and KV managers. */
package io.kitemq.nameserver.processor;
