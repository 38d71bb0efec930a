// Form parts: every control has a <label>; a field's help and error message sit beside it and are
// tied to it with aria-describedby; a field in error has aria-invalid.
import type { ComponentChildren } from 'preact';
import { CSRF_FIELD } from '../../plugins/csrf.js';

export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export function CsrfField({ token }: { token: string }) {
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null;
}

const describedBy = (id: string, help?: string, error?: string) => [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Messages({ id, help, error }: { id: string; help?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {help && (
        <p class="help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

interface FieldProps {
  name: string;
  label: string;
  values: FormValues;
  errors: FieldErrors;
  help?: string | undefined;
  /** id prefix when a page has two forms with the same field names */
  idPrefix?: string;
}

export function TextField(p: FieldProps & { type?: string; required?: boolean; maxLength?: number; autocomplete?: string; inputMode?: string; min?: number; max?: number; step?: number }) {
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  const error = p.errors[p.name];
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{p.label}</label>
      <input
        id={id}
        name={p.name}
        type={(p.type ?? 'text') as 'text'}
        value={p.values[p.name] ?? ''}
        required={p.required}
        maxLength={p.maxLength}
        autocomplete={p.autocomplete}
        inputMode={p.inputMode as never}
        min={p.min}
        max={p.max}
        step={p.step}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.help, error)}
      />
      <Messages id={id} help={p.help} error={error} />
    </div>
  );
}

export function TextArea(p: FieldProps & { rows?: number; maxLength?: number; required?: boolean; children?: ComponentChildren }) {
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  const error = p.errors[p.name];
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{p.label}</label>
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 12}
        maxLength={p.maxLength}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, p.help, error)}
      >
        {p.values[p.name] ?? ''}
      </textarea>
      <Messages id={id} help={p.help} error={error} />
      {p.children}
    </div>
  );
}

export function SelectField(p: FieldProps & { options: [value: string, label: string][]; required?: boolean }) {
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  const error = p.errors[p.name];
  const current = p.values[p.name] ?? '';
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name} required={p.required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(id, p.help, error)}>
        {p.options.map(([value, label]) => (
          <option value={value} selected={value === current}>
            {label}
          </option>
        ))}
      </select>
      <Messages id={id} help={p.help} error={error} />
    </div>
  );
}

export function CheckboxField(p: FieldProps & { value?: string }) {
  const id = `${p.idPrefix ?? 'f'}-${p.name}`;
  const error = p.errors[p.name];
  const checked = !!p.values[p.name] && p.values[p.name] !== 'false';
  return (
    <div class={`field check${error ? ' invalid' : ''}`}>
      <input id={id} type="checkbox" name={p.name} value={p.value ?? 'on'} checked={checked} aria-describedby={describedBy(id, p.help, error)} />
      <label for={id}>{p.label}</label>
      <Messages id={id} help={p.help} error={error} />
    </div>
  );
}

/** The list of problems at the top of a form sent back with errors (focus lands here). */
export function ErrorSummary({ message, errors }: { message: string; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} id="error-summary">
      <p>{message}</p>
      <ul>
        {entries.map(([field, text]) => (
          <li>
            <a href={`#f-${field}`}>{text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
