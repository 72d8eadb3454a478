package com.frontline.sso.startup;

/** The daemon threads on which parts of the start run beside the deployment. */
public final class BackgroundThread {

    private BackgroundThread() {
    }

    /** Starts {@code task} on a daemon thread named {@code name}. */
    public static void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        // OpenSAML and pac4j find their modules with the thread's context class loader: it must be the application's.
        thread.setContextClassLoader(BackgroundThread.class.getClassLoader());
        thread.setDaemon(true);
        thread.start();
    }
}
