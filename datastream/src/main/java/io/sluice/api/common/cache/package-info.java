/** The files a job registers for its functions ({@code env.registerCachedFile}). */
package io.sluice.api.common.cache;
