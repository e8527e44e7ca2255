import { NextResponse, type NextRequest } from "next/server";
import { hasMalformedId } from "@/lib/validation/console-path";

/** Answers 404 for console URLs whose ids cannot exist, before anything renders (pages stream with 200). */
export function proxy(request: NextRequest) {
  if (hasMalformedId(request.nextUrl.pathname)) {
    return NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404 });
  }
  return NextResponse.next();
}

export const config = {
  matcher: "/service-principals/:path+",
};
