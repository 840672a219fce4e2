package io.sluice.api.common.cache;

import java.io.File;
import java.io.Serializable;

/**
 * The files registered with {@code env.registerCachedFile(path, name)}, read by functions through
 * {@code getRuntimeContext().getDistributedCache().getFile(name)}: each is a copy, local to the job and made when
 * first asked for (a directory is copied whole), deleted when the job ends. Only local files ({@code /path} or
 * {@code file:///path}) can be registered.
 */
public class DistributedCache {
    private final io.sluice.datastream.runtime.JobResources resources;

    /** The cache of the job whose resources are {@code resources}. */
    public DistributedCache(io.sluice.datastream.runtime.JobResources resources) {
        this.resources = resources;
    }

    /** The local copy of the file registered as {@code name}. */
    public File getFile(String name) {
        if (name == null) {
            throw new NullPointerException("name must not be null");
        }
        return resources.cachedFile(name);
    }

    /** A registered file: its path and whether its copy is made executable. */
    public static class DistributedCacheEntry implements Serializable {
        private static final long serialVersionUID = 1L;
        public final String filePath;
        public final Boolean isExecutable;

        public DistributedCacheEntry(String filePath, Boolean isExecutable) {
            this.filePath = filePath;
            this.isExecutable = isExecutable;
        }

        @Override
        public String toString() {
            return "DistributedCacheEntry{filePath='" + filePath + "', isExecutable=" + isExecutable + "}";
        }
    }
}
