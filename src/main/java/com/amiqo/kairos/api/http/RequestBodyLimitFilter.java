package com.amiqo.kairos.api.http;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorResponseWriter;
import com.amiqo.kairos.api.error.PayloadTooLargeException;

/**
 * Refuses bodies over 64 KiB (docs/reference.md#conventions): at once when
 * {@code Content-Length} says so, and while reading when the body is chunked, so an
 * oversized upload is never buffered in full.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimitFilter extends RequestCheckFilter {

	public static final int MAX_BODY_BYTES = 64 * 1024;

	RequestBodyLimitFilter(ErrorResponseWriter errors) {
		super(errors);
	}

	@Override
	@Nullable ApiException refusal(HttpServletRequest request) {
		return request.getContentLengthLong() > MAX_BODY_BYTES ? new PayloadTooLargeException() : null;
	}

	@Override
	HttpServletRequest admitted(HttpServletRequest request) {
		return new LimitedBodyRequest(request);
	}

	private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

		private @Nullable ServletInputStream limited;

		LimitedBodyRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (limited == null) {
				limited = new LimitedInputStream(super.getInputStream());
			}
			return limited;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long count;

		LimitedInputStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			count += n;
			if (count > MAX_BODY_BYTES) {
				throw new PayloadTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}

	}

}
