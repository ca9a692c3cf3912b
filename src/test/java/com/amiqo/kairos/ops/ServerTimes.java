package com.amiqo.kairos.ops;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.management.GarbageCollectionNotificationInfo;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * How long the server took over each request, by request id, from its access line
 * ({@code kairos.access}, written for every {@code 5xx}): the time from the request
 * filter to the response, in whole milliseconds, without the client's side of the
 * exchange. Also the garbage collector's stop-the-world pauses meanwhile: the test JVM
 * holds the server and its clients, so a pause that the clients' garbage causes stops the
 * server too, for as long as the shared 2-core machine lets the collector's threads run;
 * {@link #ownMillis} is a request's time without those pauses.
 */
final class ServerTimes extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	/** A request's server time: when it ended (epoch ms) and how long it took. */
	record Served(long endMillis, long millis) {
	}

	/** One stop-the-world collection, in epoch milliseconds. */
	record Pause(long startMillis, long endMillis) {
	}

	private final Map<String, Served> byRequestId = new ConcurrentHashMap<>();

	private final List<Pause> pauses = new CopyOnWriteArrayList<>();

	private final Logger accessLog = (Logger) LoggerFactory.getLogger("kairos.access");

	private final long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();

	private final NotificationListener collections = this::collected;

	private final List<NotificationEmitter> collectors = new ArrayList<>();

	ServerTimes() {
		setName("server-times");
		setContext(accessLog.getLoggerContext());
		start();
		accessLog.addAppender(this);
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(collections, null, null);
				collectors.add(emitter);
			}
		}
	}

	/** The server's milliseconds for this request id, or null if it logged none. */
	Long millis(String requestId) {
		Served served = byRequestId.get(requestId);
		return served == null ? null : served.millis();
	}

	/**
	 * The server's milliseconds for this request id less the collector's pauses that fell
	 * within them.
	 */
	long ownMillis(String requestId) {
		Served served = byRequestId.get(requestId);
		long start = served.endMillis() - served.millis();
		long paused = 0;
		for (Pause pause : pauses) {
			paused += Math.max(0,
					Math.min(served.endMillis(), pause.endMillis()) - Math.max(start, pause.startMillis()));
		}
		return served.millis() - paused;
	}

	List<Pause> pauses() {
		return List.copyOf(pauses);
	}

	@Override
	protected void append(ILoggingEvent event) {
		String requestId = event.getMDCPropertyMap().get("request_id");
		if (requestId == null || event.getKeyValuePairs() == null) {
			return;
		}
		for (KeyValuePair pair : event.getKeyValuePairs()) {
			if ("duration_ms".equals(pair.key) && pair.value instanceof Number millis) {
				byRequestId.put(requestId, new Served(event.getTimeStamp(), millis.longValue()));
			}
		}
	}

	private void collected(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		// G1's young, mixed and full collections stop the world; its concurrent cycle
		// does not.
		if (!info.getGcName().contains("Concurrent")) {
			pauses.add(new Pause(jvmStartMillis + info.getGcInfo().getStartTime(),
					jvmStartMillis + info.getGcInfo().getEndTime()));
		}
	}

	@Override
	public void close() {
		accessLog.detachAppender(this);
		stop();
		for (NotificationEmitter emitter : collectors) {
			try {
				emitter.removeNotificationListener(collections);
			}
			catch (ListenerNotFoundException e) {
				// Not attached: nothing to remove.
			}
		}
	}

}
