// The heading of every document page: the title (in the document's language), a line under it,
// and links to the document's other views. A server component: plain props, no state.
import Link from 'next/link';

interface Props {
  title: string;
  language: string;
  subtitle?: string;
  links: Array<{ href: string; label: string }>;
}

export function DocumentHeader({ title, language, subtitle, links }: Props) {
  return (
    <header className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 id="doc-title" lang={language} className="text-2xl font-bold">
          {title}
        </h1>
        {subtitle && <p className="mt-1 text-sm text-stone-500">{subtitle}</p>}
      </div>
      {links.length > 0 && (
        <nav className="flex gap-4 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="text-sky-800 underline underline-offset-4">
              {l.label}
            </Link>
          ))}
        </nav>
      )}
    </header>
  );
}
