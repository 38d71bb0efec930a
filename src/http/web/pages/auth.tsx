// /login and /register: plain forms; errors come back beside the fields, with what was typed
// (never the password).
import { Layout } from '../layout.js';
import { strings as t } from '../strings.js';
import type { Viewer } from '../view.js';
import { CsrfField, ErrorSummary, TextField, type FieldErrors, type FormValues } from '../components/forms.js';

interface AuthProps {
  viewer: Viewer;
  values: FormValues;
  errors: FieldErrors;
  next: string;
}

const nextQuery = (next: string) => (next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '');

export function LoginPage({ viewer, values, errors, next }: AuthProps) {
  return (
    <Layout viewer={viewer} meta={{ title: `${t.auth.signInHeading} — ${t.siteName}`, canonical: '/login', noindex: true }}>
      <div class="narrow">
        <h1>{t.auth.signInHeading}</h1>
        <ErrorSummary message={t.write.errorSummary} errors={errors} />
        <form method="post" action={`/login${nextQuery(next)}`} class="form-card" novalidate>
          <CsrfField token={viewer.csrf} />
          <TextField name="login" label={t.auth.login} values={values} errors={errors} required autocomplete="username" />
          <TextField name="password" label={t.auth.password} type="password" values={{}} errors={errors} required autocomplete="current-password" />
          <button type="submit" class="primary">
            {t.auth.signInButton}
          </button>
        </form>
        <p class="auth-links">
          {t.auth.noAccount} <a href={`/register${nextQuery(next)}`}>{t.auth.signUpButton}</a>
        </p>
      </div>
    </Layout>
  );
}

export function RegisterPage({ viewer, values, errors, next }: AuthProps) {
  return (
    <Layout viewer={viewer} meta={{ title: `${t.auth.signUpHeading} — ${t.siteName}`, canonical: '/register', noindex: true }}>
      <div class="narrow">
        <h1>{t.auth.signUpHeading}</h1>
        <ErrorSummary message={t.write.errorSummary} errors={errors} />
        <form method="post" action={`/register${nextQuery(next)}`} class="form-card" novalidate>
          <CsrfField token={viewer.csrf} />
          <TextField name="handle" label={t.auth.handle} help={t.auth.handleHelp} values={values} errors={errors} required maxLength={30} autocomplete="username" />
          <TextField name="email" label={t.auth.email} type="email" values={values} errors={errors} required autocomplete="email" />
          <TextField name="password" label={t.auth.password} help={t.auth.passwordHelp} type="password" values={{}} errors={errors} required autocomplete="new-password" />
          <button type="submit" class="primary">
            {t.auth.signUpButton}
          </button>
        </form>
        <p class="auth-links">
          {t.auth.haveAccount} <a href={`/login${nextQuery(next)}`}>{t.auth.signInButton}</a>
        </p>
      </div>
    </Layout>
  );
}
